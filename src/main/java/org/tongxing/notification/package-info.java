/**
 * Notifications to volunteers about their sign-ups, sessions, records and star levels,
 * and to unit admins about records overdue for confirmation: an in-app list and emails,
 * in the reader's language, held during their quiet hours, and reminders before a session
 * starts. The module only listens to the activity and servicerecord modules' events; no
 * other module depends on it. Sub-packages are internal.
 */
@ApplicationModule(displayName = "Notifications")
package org.tongxing.notification;

import org.springframework.modulith.ApplicationModule;
