package org.tongxing.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page.
 */
@ControllerAdvice
class LayoutAdvice {

	private final BrandingProperties branding;

	LayoutAdvice(BrandingProperties branding) {
		this.branding = branding;
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
