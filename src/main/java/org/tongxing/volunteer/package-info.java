/**
 * Registered volunteers: registration, on-the-spot recruitment drives, import, profiles
 * (skills, languages, qualifications, effective-dated unit memberships), the registry for
 * admins and the protection of personal data (ID numbers and phones encrypted at rest,
 * matched by keyed hashes, masked on screen, every unmasked view audited). Other modules
 * use {@link org.tongxing.volunteer.Volunteers} and the ids, views and events of this
 * package; sub-packages are internal.
 */
@ApplicationModule(displayName = "Volunteers")
package org.tongxing.volunteer;

import org.springframework.modulith.ApplicationModule;
