package org.tongxing.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.tongxing.planning.domain.Actuals;

import static org.assertj.core.api.Assertions.assertThat;

class ActualsTest {

	static final CampaignId A = new CampaignId(1);

	static final CampaignId B = new CampaignId(2);

	static final CampaignId OTHER = new CampaignId(99);

	@Test
	void sumsWhatEveryMeasureReportsPerCampaignAndMeasure() {
		CampaignMeasure activities = (campaigns) -> Map.of(A,
				Map.of(Measure.ACTIVITIES, BigDecimal.valueOf(3), Measure.PARTICIPATIONS, BigDecimal.valueOf(40)), B,
				Map.of(Measure.ACTIVITIES, BigDecimal.ONE));
		CampaignMeasure hours = (campaigns) -> Map.of(A,
				Map.of(Measure.HOURS, new BigDecimal("12.5"), Measure.ACTIVITIES, BigDecimal.valueOf(2)));

		Map<CampaignId, Map<Measure, BigDecimal>> actuals = new Actuals(List.of(activities, hours)).of(Set.of(A, B));

		assertThat(actuals.get(A)).containsEntry(Measure.ACTIVITIES, BigDecimal.valueOf(5))
			.containsEntry(Measure.PARTICIPATIONS, BigDecimal.valueOf(40))
			.containsEntry(Measure.HOURS, new BigDecimal("12.5"))
			.doesNotContainKey(Measure.MONEY_RAISED);
		assertThat(actuals.get(B)).containsOnlyKeys(Measure.ACTIVITIES)
			.containsEntry(Measure.ACTIVITIES, BigDecimal.ONE);
	}

	@Test
	void asksEachMeasureOnceForAllCampaignsAndIgnoresCampaignsNotAskedAbout() {
		List<Set<CampaignId>> calls = new ArrayList<>();
		CampaignMeasure counting = (campaigns) -> {
			calls.add(campaigns);
			return Map.of(OTHER, Map.of(Measure.ACTIVITIES, BigDecimal.TEN));
		};

		Map<CampaignId, Map<Measure, BigDecimal>> actuals = new Actuals(List.of(counting)).of(Set.of(A, B));

		assertThat(calls).containsExactly(Set.of(A, B));
		assertThat(actuals).isEmpty();
	}

	@Test
	void noCampaignsAsksNobody() {
		CampaignMeasure failing = (campaigns) -> {
			throw new AssertionError("not to be asked");
		};
		assertThat(new Actuals(List.of(failing)).of(Set.of())).isEmpty();
	}

}
