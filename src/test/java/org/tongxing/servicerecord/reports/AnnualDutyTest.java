package org.tongxing.servicerecord.reports;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitStatus;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.volunteer.VolunteerId;

import static org.assertj.core.api.Assertions.assertThat;

/** Grouping the annual duty lines by unit. */
class AnnualDutyTest {

	static UnitView unit(long id, Long parent, String path) {
		return new UnitView(new UnitId(id), (parent != null) ? new UnitId(parent) : null, path,
				path.split("/").length - 2, "unit" + id, null, null, UnitType.DEPARTMENT, null, null, null, null, null,
				UnitStatus.OPEN, null, null);
	}

	static AnnualDuty.Line line(long volunteer, long unit, String hours) {
		return new AnnualDuty.Line(new VolunteerId(volunteer), "TX" + volunteer, "v" + volunteer, new UnitId(unit),
				new BigDecimal(hours));
	}

	@Test
	void linesAreGroupedInTreeOrderKeepingThoseUnderTheDuty() {
		UnitView root = unit(1, null, "/1/");
		UnitView top = unit(2, 1L, "/1/2/");
		UnitView child = unit(3, 2L, "/1/2/3/");
		UnitView empty = unit(4, 2L, "/1/2/4/");
		UnitView outside = unit(5, 1L, "/1/5/");
		AnnualDuty.Report report = AnnualDuty.group(2026, top, new BigDecimal("20"),
				List.of(root, top, child, empty, outside),
				List.of(line(10, 3, "19.5"), line(11, 3, "20"), line(12, 2, "0"), line(13, 5, "1")));
		assertThat(report.units()).extracting((u) -> u.unit().id().value()).containsExactly(2L, 3L);
		assertThat(report.units().get(1).under()).extracting((l) -> l.volunteer().value()).containsExactly(10L);
		assertThat(report.units().get(1).total()).isEqualTo(2);
		assertThat(report.underCount()).isEqualTo(2);
		assertThat(report.totalCount()).isEqualTo(3);
	}

}
