package org.tongxing.browser;

/**
 * The window sizes every browser journey runs in.
 */
public enum Window {

	/** A desktop or laptop screen. */
	DESKTOP(1280, 900),

	/** A phone held upright (the navigation collapses behind its toggle). */
	PHONE(390, 844);

	private final int width;

	private final int height;

	Window(int width, int height) {
		this.width = width;
		this.height = height;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	public boolean collapsesNavigation() {
		// Bootstrap's navbar-expand-lg breakpoint
		return this.width < 992;
	}

}
