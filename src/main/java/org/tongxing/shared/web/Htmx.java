package org.tongxing.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * htmx conventions: one handler per URL answers with the page, or with its fragment when
 * htmx asks.
 */
public final class Htmx {

	private Htmx() {
	}

	/**
	 * Whether htmx asks for a fragment. A history restore sends {@code HX-Request} too
	 * but wants the whole page.
	 */
	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}

	/** {@code view} itself, or {@code view :: fragment} for an htmx request. */
	public static String pageOrFragment(HttpServletRequest request, String view, String fragment) {
		return isHtmx(request) ? view + " :: " + fragment : view;
	}

}
