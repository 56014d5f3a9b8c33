/**
 * Accounts, sign-in, global roles (leadership, coordinator, volunteer), passwords and the
 * audit log. Other modules use {@link org.tongxing.account.Accounts},
 * {@link org.tongxing.account.AuditLog} and the signed-in
 * {@link org.tongxing.account.SignedInAccount}; everything in sub-packages is internal.
 */
@ApplicationModule(displayName = "Accounts")
package org.tongxing.account;

import org.springframework.modulith.ApplicationModule;
