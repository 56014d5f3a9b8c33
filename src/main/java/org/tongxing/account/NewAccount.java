package org.tongxing.account;

import java.util.Set;

/**
 * An account to create. A {@code null} password means a random one the user must replace
 * (by the emailed reset link or at first sign-in).
 */
public record NewAccount(String username, String displayName, String email, String password, Set<Role> roles,
		boolean mustChangePassword) {
}
