package org.tongxing.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.tongxing.shared.web.Htmx;

final class Views {

	private Views() {
	}

	/**
	 * The page, or its {@code rows} fragment for htmx; when htmx restores a page from
	 * history it asks for the whole page, though it sends {@code HX-Request} too.
	 */
	static String pageOrRows(HttpServletRequest request, String view) {
		if (request.getHeader("HX-History-Restore-Request") != null) {
			return view;
		}
		return Htmx.pageOrFragment(request, view, "rows");
	}

}
