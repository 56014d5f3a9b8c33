package org.tongxing.volunteer.drive;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The short link of a recruitment poster, {@code /r/<code>} (public): sends the phone on
 * to the registration form bound to the drive, which decides whether the drive is open
 * that day. An unknown code answers 404.
 */
@Controller
class ShortLinkController {

	private final RecruitmentDrives drives;

	ShortLinkController(RecruitmentDrives drives) {
		this.drives = drives;
	}

	@GetMapping("/r/{code}")
	String follow(@PathVariable String code) {
		DriveView drive = this.drives.findByCode(code, Locale.SIMPLIFIED_CHINESE)
			.orElseThrow(() -> new DriveNotFoundException(code));
		return "redirect:" + UriComponentsBuilder.fromPath("/register")
			.queryParam("drive", drive.code())
			.build()
			.encode()
			.toUriString();
	}

}
