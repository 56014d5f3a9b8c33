/**
 * Activities under the annual plan, their sessions and positions, and volunteers'
 * sign-ups: eligibility, capacity held by the database, the waitlist with timed offers,
 * organiser approval, cancellations and no-shows, rosters and calendar feeds. Other
 * modules use {@link org.tongxing.activity.Activities},
 * {@link org.tongxing.activity.SignUps} and the ids, views and events of this package;
 * sub-packages are internal.
 */
@ApplicationModule(displayName = "Activities")
package org.tongxing.activity;

import org.springframework.modulith.ApplicationModule;
