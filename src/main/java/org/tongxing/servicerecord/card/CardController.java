package org.tongxing.servicerecord.card;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.StarLevels;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * A volunteer's personal card: who they are (name, volunteer number, unit), their star
 * level and confirmed hours, and the signed QR code organisers scan to check them in and
 * out. Only active volunteers with a number have a card; anyone else is told why. Never
 * shows the ID number or the phone.
 */
@Controller
class CardController {

	static final String VIEW = "servicerecord/card/card";

	static final String NO_CARD = "servicerecord/card/no-card";

	private final Volunteers volunteers;

	private final Units units;

	private final ServiceRecords records;

	private final StarLevels stars;

	private final CheckInTokens tokens;

	CardController(Volunteers volunteers, Units units, ServiceRecords records, StarLevels stars, CheckInTokens tokens) {
		this.volunteers = volunteers;
		this.units = units;
		this.records = records;
		this.stars = stars;
		this.tokens = tokens;
	}

	@GetMapping("/me/card")
	String card(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		Optional<VolunteerView> found = this.volunteers.findByAccount(me.id());
		if (found.isEmpty()) {
			model.addAttribute("reason", "servicerecord.card.none.no-volunteer");
			return NO_CARD;
		}
		VolunteerView volunteer = found.get();
		if (!hasCard(volunteer)) {
			model.addAttribute("reason", (volunteer.status() == VolunteerStatus.APPLICANT)
					? "servicerecord.card.none.applicant" : "servicerecord.card.none.inactive");
			return NO_CARD;
		}
		BigDecimal total = this.records.total(volunteer.id());
		int level = this.stars.levelFor(total);
		int top = this.stars.thresholds().size();
		// the volunteer's own unit; a unit's name is no personal data
		String unitName = this.units.find(UnitScope.everything(false), volunteer.unitId())
			.map((unit) -> unit.displayName(locale))
			.orElse("");
		model.addAttribute("volunteer", volunteer);
		model.addAttribute("unitName", unitName);
		model.addAttribute("level", level);
		model.addAttribute("filledStars", "★".repeat(level));
		model.addAttribute("emptyStars", "☆".repeat(Math.max(0, top - level)));
		model.addAttribute("total", plain(total));
		this.stars.nextThreshold(total).ifPresent((next) -> {
			model.addAttribute("nextLevel", level + 1);
			model.addAttribute("hoursToNext", plain(next.subtract(total)));
		});
		return VIEW;
	}

	@GetMapping(path = "/me/card/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal SignedInAccount me) {
		Optional<VolunteerView> volunteer = this.volunteers.findByAccount(me.id()).filter(CardController::hasCard);
		if (volunteer.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		byte[] png = CardQrCode.png(this.tokens.card(volunteer.get().number()));
		// personal: kept by no shared cache
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}

	static boolean hasCard(VolunteerView volunteer) {
		return volunteer.status() == VolunteerStatus.ACTIVE && volunteer.number() != null
				&& !volunteer.number().isBlank() && !volunteer.isAnonymised();
	}

	static String plain(BigDecimal hours) {
		return (hours.signum() == 0) ? "0" : hours.stripTrailingZeros().toPlainString();
	}

}
