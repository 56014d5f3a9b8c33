package org.tongxing.shared.web;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page.
 */
@ControllerAdvice
class LayoutAdvice {

	private final BrandingProperties branding;

	private final ZoneId zone;

	private final DataSize uploadLimit;

	LayoutAdvice(BrandingProperties branding, @Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit) {
		this.branding = branding;
		this.zone = zone;
		this.uploadLimit = uploadLimit;
	}

	/**
	 * The most a form may upload at once: the browser refuses a larger choice before
	 * sending it (js/app.js), so what the user typed stays on the form.
	 */
	@ModelAttribute("uploadLimit")
	DataSize uploadLimit() {
		return this.uploadLimit;
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
