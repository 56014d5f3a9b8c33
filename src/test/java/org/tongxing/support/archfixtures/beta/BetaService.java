package org.tongxing.support.archfixtures.beta;

import org.tongxing.support.archfixtures.alpha.web.AlphaPage;

/**
 * Breaks two house rules on purpose, for {@code HouseRulesTest}: uses another module's
 * web class and prints to the console.
 */
public class BetaService {

	public void run() {
		System.out.println(new AlphaPage().render());
	}

}
