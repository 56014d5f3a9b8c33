package org.tongxing.shared;

import java.io.PrintStream;

/**
 * The one way main code writes to the console, for what the person who started the
 * application must see once (the demo sign-ins, a one-time password) and must never reach
 * the log files. The house rules allow {@code System.out} only in classes named
 * {@code *StartupBanner}.
 */
public final class StartupBanner {

	private StartupBanner() {
	}

	public static PrintStream console() {
		return System.out;
	}

}
