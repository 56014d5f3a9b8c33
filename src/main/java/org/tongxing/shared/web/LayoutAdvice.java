package org.tongxing.shared.web;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page.
 */
@ControllerAdvice
class LayoutAdvice {

	private final BrandingProperties branding;

	private final ZoneId zone;

	LayoutAdvice(BrandingProperties branding, @Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.branding = branding;
		this.zone = zone;
	}

	/**
	 * The association's time zone: pages show stored instants in it, e.g.
	 * {@code #temporals.format(instant.atZone(zone), 'yyyy-MM-dd HH:mm')}.
	 */
	@ModelAttribute("zone")
	ZoneId zone() {
		return this.zone;
	}

	@ModelAttribute("branding")
	BrandingProperties branding() {
		return this.branding;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
