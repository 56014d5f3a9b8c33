package org.tongxing.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import org.tongxing.organisation.UnitScope;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongxing.planning.PlanningFixture.SYSTEM;

/**
 * The order of themes on a level and of campaigns in a theme: moves swap neighbours, the
 * positions stay 0, 1, 2, ... through removals and concurrent moves, a copy keeps them,
 * and every move is audited.
 */
@IntegrationTest
class PlanOrderIT {

	@Autowired
	Plans plans;

	@Autowired
	JdbcClient jdbc;

	PlanningFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new PlanningFixture(this.plans);
	}

	@Test
	void themesMoveWithinTheirLevelAndCampaignsWithinTheirTheme() {
		PlanningFixture.Sample sample = this.fixture.sample();
		ThemeId road = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "一路同行", null);
		ThemeId books = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "书香部委", null);
		CampaignId meal = this.plans.addCampaign(SYSTEM, sample.internal(), "文明用餐", null, CampaignTargets.none());
		CampaignId walk = this.plans.addCampaign(SYSTEM, sample.internal(), "健步走", null, CampaignTargets.none());

		assertThat(this.plans.moveTheme(SYSTEM, road, Move.UP)).isTrue();
		assertThat(themeNames(sample.year(), PlanLevel.INTERNAL)).containsExactly("一路同行", "友爱互助", "书香部委");
		assertThat(this.plans.moveTheme(SYSTEM, road, Move.UP)).isFalse();
		assertThat(this.plans.moveTheme(SYSTEM, books, Move.DOWN)).isFalse();
		assertThat(this.plans.moveTheme(SYSTEM, sample.internal(), Move.DOWN)).isTrue();
		assertThat(themeNames(sample.year(), PlanLevel.INTERNAL)).containsExactly("一路同行", "书香部委", "友爱互助");
		// the other level is a list of its own
		assertThat(this.plans.moveTheme(SYSTEM, sample.society(), Move.UP)).isFalse();
		assertThat(themeNames(sample.year(), PlanLevel.SOCIETY)).containsExactly("外交为民");

		assertThat(this.plans.moveCampaign(SYSTEM, walk, Move.UP)).isTrue();
		assertThat(this.plans.moveCampaign(SYSTEM, walk, Move.UP)).isTrue();
		assertThat(this.plans.moveCampaign(SYSTEM, walk, Move.UP)).isFalse();
		assertThat(this.plans.moveCampaign(SYSTEM, sample.talk(), Move.DOWN)).isTrue();
		assertThat(campaignNames(sample.internal())).containsExactly("健步走", "文明用餐", "有事儿您说话");
		assertThat(this.plans.moveCampaign(SYSTEM, meal, Move.DOWN)).isTrue();
		assertThat(campaignNames(sample.internal())).containsExactly("健步走", "有事儿您说话", "文明用餐");

		assertThat(audits("plan-theme", road.value(), "moved")).isEqualTo(1);
		assertThat(audits("plan-theme", sample.internal().value(), "moved")).isEqualTo(1);
		assertThat(audits("campaign", walk.value(), "moved")).isEqualTo(2);
		assertThat(audits("campaign", meal.value(), "moved")).isEqualTo(1);
		assertThat(positions("plan_theme", "plan_id = ? and level = 'INTERNAL'", sample.plan().value()))
			.containsExactly(0, 1, 2);
		assertThat(positions("campaign", "theme_id = ?", sample.internal().value())).containsExactly(0, 1, 2);
	}

	@Test
	void removingCloseTheGapAndAnAdditionGoesLast() {
		PlanningFixture.Sample sample = this.fixture.sample();
		CampaignId meal = this.plans.addCampaign(SYSTEM, sample.internal(), "文明用餐", null, CampaignTargets.none());
		this.plans.addCampaign(SYSTEM, sample.internal(), "健步走", null, CampaignTargets.none());
		ThemeId road = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "一路同行", null);
		this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "书香部委", null);

		this.plans.removeCampaign(SYSTEM, meal);
		this.plans.removeTheme(SYSTEM, road);
		this.plans.addCampaign(SYSTEM, sample.internal(), "读书会", null, CampaignTargets.none());
		this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "青年读书", null);

		assertThat(campaignNames(sample.internal())).containsExactly("有事儿您说话", "健步走", "读书会");
		assertThat(positions("campaign", "theme_id = ?", sample.internal().value())).containsExactly(0, 1, 2);
		assertThat(themeNames(sample.year(), PlanLevel.INTERNAL)).containsExactly("友爱互助", "书香部委", "青年读书");
		assertThat(positions("plan_theme", "plan_id = ? and level = 'INTERNAL'", sample.plan().value()))
			.containsExactly(0, 1, 2);
		// the society level numbers its themes from 0 on its own
		assertThat(positions("plan_theme", "plan_id = ? and level = 'SOCIETY'", sample.plan().value()))
			.containsExactly(0);
	}

	@Test
	void aCopyKeepsTheOrderOfThemesAndCampaigns() {
		PlanningFixture.Sample sample = this.fixture.sample();
		ThemeId road = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "一路同行", null);
		this.plans.addCampaign(SYSTEM, road, "陪伴", null, CampaignTargets.none());
		CampaignId second = this.plans.addCampaign(SYSTEM, road, "结对", null, CampaignTargets.none());
		this.plans.moveTheme(SYSTEM, road, Move.UP);
		this.plans.moveCampaign(SYSTEM, second, Move.UP);
		int target = this.fixture.freeYear();

		this.plans.copyPlan(SYSTEM, sample.year(), target, null, null);

		assertThat(themeNames(target, PlanLevel.INTERNAL)).containsExactly("一路同行", "友爱互助");
		assertThat(this.plans.campaigns(target)).extracting(CampaignView::name)
			.containsExactly("结对", "陪伴", "有事儿您说话", "走进高校");
		ThemeId copiedRoad = this.plans.themes(target).get(0).id();
		assertThat(positions("campaign", "theme_id = ?", copiedRoad.value())).containsExactly(0, 1);
	}

	@Test
	void coordinatorsMovingAtOnceLeaveEveryPositionOnce() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		List<ThemeId> themes = new ArrayList<>(List.of(sample.internal()));
		List<CampaignId> campaigns = new ArrayList<>(List.of(sample.talk()));
		for (int i = 1; i <= 4; i++) {
			themes.add(this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "主题" + i, null));
			campaigns.add(this.plans.addCampaign(SYSTEM, sample.internal(), "项目" + i, null, CampaignTargets.none()));
		}
		int threads = 6;
		int movesEach = 15;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				boolean onThemes = t % 2 == 0;
				results.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					int moved = 0;
					for (int i = 0; i < movesEach; i++) {
						ThreadLocalRandom random = ThreadLocalRandom.current();
						Move move = random.nextBoolean() ? Move.UP : Move.DOWN;
						boolean done = onThemes
								? this.plans.moveTheme(SYSTEM, themes.get(random.nextInt(themes.size())), move)
								: this.plans.moveCampaign(SYSTEM, campaigns.get(random.nextInt(campaigns.size())),
										move);
						moved += done ? 1 : 0;
					}
					return moved;
				}));
			}
			start.countDown();
			int moved = 0;
			for (Future<Integer> result : results) {
				// a deadlock or a duplicate position would surface here as an exception
				moved += result.get(2, TimeUnit.MINUTES);
			}
			assertThat(moved).isPositive();
			long audited = themes.stream().mapToLong((id) -> audits("plan-theme", id.value(), "moved")).sum()
					+ campaigns.stream().mapToLong((id) -> audits("campaign", id.value(), "moved")).sum();
			assertThat(audited).isEqualTo(moved);
		}
		finally {
			pool.shutdownNow();
		}

		List<Integer> expected = IntStream.range(0, 5).boxed().toList();
		assertThat(positions("plan_theme", "plan_id = ? and level = 'INTERNAL'", sample.plan().value()))
			.isEqualTo(expected);
		assertThat(positions("campaign", "theme_id = ?", sample.internal().value())).isEqualTo(expected);
		assertThat(themeNames(sample.year(), PlanLevel.INTERNAL)).hasSize(5).doesNotHaveDuplicates();
		assertThat(campaignNames(sample.internal())).hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void onlyCoordinatorsMove() {
		PlanningFixture.Sample sample = this.fixture.sample();
		ThemeId road = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "一路同行", null);
		UnitScope notCoordinator = UnitScope.everything(false);

		assertThatThrownBy(() -> this.plans.moveTheme(notCoordinator, road, Move.UP))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.moveCampaign(notCoordinator, sample.talk(), Move.DOWN))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.moveTheme(SYSTEM, new ThemeId(Long.MAX_VALUE), Move.UP))
			.isInstanceOf(PlanNotFoundException.class);
		assertThat(themeNames(sample.year(), PlanLevel.INTERNAL)).containsExactly("友爱互助", "一路同行");
		assertThat(audits("plan-theme", road.value(), "moved")).isZero();
	}

	private List<String> themeNames(int year, PlanLevel level) {
		return this.plans.themes(year).stream().filter((t) -> t.level() == level).map(ThemeView::name).toList();
	}

	private List<String> campaignNames(ThemeId theme) {
		return this.plans.campaigns(this.plans.findTheme(theme).orElseThrow().year())
			.stream()
			.filter((c) -> c.themeId().equals(theme))
			.map(CampaignView::name)
			.toList();
	}

	private List<Integer> positions(String table, String where, long id) {
		return this.jdbc.sql("select sort_order from " + table + " where " + where + " order by sort_order")
			.param(id)
			.query(Integer.class)
			.list();
	}

	private long audits(String type, long id, String action) {
		return this.jdbc.sql("select count(*) from audit_entry where entity_type = ? and entity_id = ? and action = ?")
			.params(type, String.valueOf(id), action)
			.query(Long.class)
			.single();
	}

}
