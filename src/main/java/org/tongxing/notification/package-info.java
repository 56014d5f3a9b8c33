/**
 * Notifications to volunteers about their sign-ups and sessions: an in-app list and
 * emails, in the volunteer's language, held during their quiet hours, and reminders
 * before a session starts. The module only listens to the activity module's events; no
 * other module depends on it. Sub-packages are internal.
 */
@ApplicationModule(displayName = "Notifications")
package org.tongxing.notification;

import org.springframework.modulith.ApplicationModule;
