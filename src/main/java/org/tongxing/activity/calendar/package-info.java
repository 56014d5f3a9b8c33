/**
 * Calendars of sign-ups and sessions: each account's personal iCal feed at a secret,
 * regenerable URL ({@code /calendar/<token>.ics}, read by calendar apps without signing
 * in), its page ({@code /me/calendar}) and one session as an {@code .ics} download
 * ({@code /sessions/<id>.ics}). Times are written in each session's own time zone with
 * its VTIMEZONE, so a session at a mission abroad lands at the right instant in any
 * calendar. Internal to the activity module.
 */
package org.tongxing.activity.calendar;
