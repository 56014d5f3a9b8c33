/**
 * Public self-registration of volunteers at {@code /register} (optionally bound to a
 * recruitment drive), verification of their email by a link, and the approval of
 * applicants by the admins of their unit's subtree.
 */
package org.tongxing.volunteer.registration;
