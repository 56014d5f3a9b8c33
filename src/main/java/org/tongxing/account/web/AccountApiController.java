package org.tongxing.account.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;

/** The JSON API of the account module. */
@RestController
@RequestMapping("/api/v1")
class AccountApiController {

	/** Who the caller is: the account of the token or of the browser session. */
	@GetMapping("/me")
	Me me(@AuthenticationPrincipal SignedInAccount me) {
		return new Me(me.id().value(), me.getUsername(), me.displayName(),
				me.roles().stream().map(Role::name).sorted().toList());
	}

	record Me(long id, String username, String displayName, List<String> roles) {
	}

}
