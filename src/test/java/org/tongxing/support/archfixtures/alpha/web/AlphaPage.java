package org.tongxing.support.archfixtures.alpha.web;

/**
 * A web class of module "alpha", for {@code HouseRulesTest}: used by another module.
 */
public class AlphaPage {

	public String render() {
		return "alpha";
	}

}
