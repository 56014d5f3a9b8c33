package org.tongxing.servicerecord.profile;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.tongxing.account.SignedInAccount;

/**
 * The volunteer's own service profile ({@code /me/record}): training, awards with their
 * proofs, evaluations, and complaints about them once resolved. Read only.
 */
@Controller
class MyRecordController {

	private final ServiceProfile profile;

	MyRecordController(ServiceProfile profile) {
		this.profile = profile;
	}

	@GetMapping("/me/record")
	String record(@AuthenticationPrincipal SignedInAccount account, Model model) {
		model.addAttribute("record", this.profile.own(account.id()).orElse(null));
		return "servicerecord/profile/record";
	}

	@GetMapping("/me/record/awards/{id}/proof")
	ResponseEntity<byte[]> proof(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id) {
		return ProofDownloads.of(this.profile.ownProof(account.id(), id));
	}

}
