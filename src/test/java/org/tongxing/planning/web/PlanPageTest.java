package org.tongxing.planning.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignTargets;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.Measure;
import org.tongxing.planning.PlanId;
import org.tongxing.planning.PlanLevel;
import org.tongxing.planning.PlanView;
import org.tongxing.planning.ThemeId;
import org.tongxing.planning.ThemeView;

import static org.assertj.core.api.Assertions.assertThat;

class PlanPageTest {

	static final PlanId PLAN = new PlanId(1);

	static final ThemeView THEME = new ThemeView(new ThemeId(2), PLAN, 2013, PlanLevel.INTERNAL, "友爱互助", null);

	@Test
	void showsMeasuresWithATargetOrAnActualAgainstEachOther() {
		CampaignView campaign = campaign(3,
				CampaignTargets.of(Measure.ACTIVITIES, 20).with(Measure.MONEY_RAISED, new BigDecimal("1000.00")));

		PlanPage page = PlanPage.of(plan(), List.of(THEME), List.of(campaign), Map.of(campaign.id(),
				Map.of(Measure.ACTIVITIES, BigDecimal.valueOf(12), Measure.PARTICIPATIONS, BigDecimal.valueOf(40))),
				List.of());

		List<PlanPage.Progress> rows = page.levels().get(0).themes().get(0).campaigns().get(0).progress();
		assertThat(rows).extracting(PlanPage.Progress::measure)
			.containsExactly(Measure.ACTIVITIES, Measure.PARTICIPATIONS, Measure.MONEY_RAISED);
		assertThat(rows.get(0).numbers()).isEqualTo("12 / 20");
		assertThat(rows.get(0).percent()).isEqualTo(60);
		assertThat(rows.get(0).widthClass()).isEqualTo("planning-w-60");
		assertThat(rows.get(1).numbers()).isEqualTo("40");
		assertThat(rows.get(1).target()).isNull();
		assertThat(rows.get(2).numbers()).isEqualTo("0 / 1000");
		assertThat(rows.get(2).widthClass()).isEqualTo("planning-w-0");
		assertThat(page.levels()).extracting(PlanPage.Level::level)
			.containsExactly(PlanLevel.INTERNAL, PlanLevel.SOCIETY);
		assertThat(page.levels().get(1).themes()).isEmpty();
	}

	@Test
	void barsStopAtTheTargetAndRoundDownToFivePercentSteps() {
		assertThat(new PlanPage.Progress(Measure.ACTIVITIES, BigDecimal.TEN, BigDecimal.valueOf(25)).percent())
			.isEqualTo(100);
		assertThat(new PlanPage.Progress(Measure.ACTIVITIES, BigDecimal.TEN, BigDecimal.valueOf(25)).reached())
			.isTrue();
		assertThat(new PlanPage.Progress(Measure.HOURS, new BigDecimal("150.5"), new BigDecimal("70")).widthClass())
			.isEqualTo("planning-w-45");
		assertThat(new PlanPage.Progress(Measure.ACTIVITIES, BigDecimal.ZERO, BigDecimal.ZERO).percent())
			.isEqualTo(100);
	}

	private static PlanView plan() {
		return new PlanView(PLAN, 2013, "2013 年度计划", null);
	}

	private static CampaignView campaign(long id, CampaignTargets targets) {
		return new CampaignView(new CampaignId(id), PLAN, 2013, THEME.id(), PlanLevel.INTERNAL, THEME.name(), "有事儿您说话",
				null, targets);
	}

}
