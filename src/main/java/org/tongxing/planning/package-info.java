/**
 * The annual plan: its two levels (inside the ministry, for society), themes, campaigns
 * with their targets, and the activities units propose into a campaign. Actuals against
 * the targets come from other modules through
 * {@link org.tongxing.planning.CampaignMeasure} beans, so a module that starts counting
 * (service hours, money raised) needs no change here. Other modules use
 * {@link org.tongxing.planning.Plans}, {@link org.tongxing.planning.Proposals} and the
 * ids and views of this package; sub-packages are internal ({@code domain}: summing the
 * actuals; {@code web}: the pages under /plans and /proposals).
 */
@ApplicationModule(displayName = "Planning")
package org.tongxing.planning;

import org.springframework.modulith.ApplicationModule;
