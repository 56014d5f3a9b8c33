package org.tongxing.support.archfixtures.beta;

/**
 * Prints, and may: its name ends with {@code StartupBanner}. For {@code HouseRulesTest}.
 */
public class BetaStartupBanner {

	public void print() {
		Runnable printer = () -> System.out.println("banner");
		printer.run();
	}

}
