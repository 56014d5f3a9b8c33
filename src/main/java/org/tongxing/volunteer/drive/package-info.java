/**
 * On-the-spot recruitment (现场招募): recruitment drives of a unit, their short registration
 * link ({@code /r/<code>}), the printable A4 QR poster (PNG and PDF) and the live list of
 * a drive's sign-ups. Internal to the volunteer module.
 */
package org.tongxing.volunteer.drive;
