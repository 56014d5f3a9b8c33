package org.tongxing.volunteer.registry;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The xlsx export of a registry filter: masked by default, unmasked only for a
 * coordinator who confirms with a reason, every export audited (never with the data),
 * formulas neutralised, headers in the viewer's language, and never a volunteer outside
 * the viewer's scope.
 */
@IntegrationTest
class RegistryExportIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	RegistryData data;

	@BeforeEach
	void data() {
		this.data = new RegistryData(this.units, this.accounts, this.volunteers, this.jdbc);
	}

	@Test
	void theExportIsMaskedByDefaultWithChineseHeadersAndIsAudited() throws Exception {
		RegistryData d = this.data;
		long before = exports();
		List<Map<String, String>> rows = sheet(
				export(d.adminOfA, get("/volunteers/export").param("sort", "NAME").param("q", d.fixture.tag)));
		assertThat(rows).extracting((row) -> row.get("姓名"))
			.containsExactly(d.name("a1"), d.name("a2"), d.name("a3"), d.name("a4"));
		VolunteerDetails a1 = d.details.get(d.a1);
		Map<String, String> first = rows.get(0);
		assertThat(first.get("证件号码"))
			.isEqualTo(a1.idNumber().substring(0, 3) + "***********" + a1.idNumber().substring(14));
		assertThat(first.get("手机号码")).isEqualTo(a1.phone().substring(0, 3) + "****" + a1.phone().substring(7));
		assertThat(first.get("状态")).isEqualTo("在册");
		assertThat(first.get("技能")).isEqualTo("法律 (专业)");
		assertThat(first.get("语言")).isEqualTo("法语 (母语)");
		assertThat(first.get("单位")).startsWith("A-");
		assertThat(rows.get(2).get("所在国家")).isEqualTo("法国");
		assertThat(exports()).isEqualTo(before + 1);
		Map<String, Object> audit = lastExport();
		assertThat(audit.get("action")).isEqualTo("exported-masked");
		String state = (String) audit.get("state");
		assertThat(state).contains("\"rows\": 4").contains("\"masked\": true").contains(d.fixture.tag);
		assertThat(state).doesNotContain(a1.idNumber()).doesNotContain(a1.phone());
	}

	@Test
	void headersFollowTheViewersLanguage() throws Exception {
		RegistryData d = this.data;
		List<Map<String, String>> rows = sheet(
				export(d.coordinator, get("/volunteers/export").param("q", d.name("a1")).param("lang", "en")));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("Name", d.name("a1"))
			.containsEntry("Status", "Active")
			.containsEntry("Skills", "Law (Expert)")
			.containsKey("ID number");
	}

	@Test
	void anAdminsExportHoldsOnlyTheirSubtree() throws Exception {
		RegistryData d = this.data;
		assertThat(sheet(export(d.adminOfA, get("/volunteers/export").param("q", d.fixture.tag))))
			.extracting((row) -> row.get("姓名"))
			.doesNotContain(d.name("b1"))
			.hasSize(4);
		assertThat(sheet(export(d.adminOfA, get("/volunteers/export").param("unit", d.b.toString())))).isEmpty();
		assertThat((String) lastExport().get("state")).contains("\"rows\": 0");
	}

	@Test
	void unmaskedExportsAreForCoordinatorsOnly() throws Exception {
		RegistryData d = this.data;
		for (SignedInAccount viewer : List.of(d.adminOfA, d.leader, d.plainVolunteer)) {
			this.mvc.perform(get("/volunteers/export/unmasked").with(user(viewer))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/volunteers/export/unmasked").param("confirmed", "true")
					.param("reason", "x")
					.with(user(viewer))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		// and the list offers it to coordinators only
		String adminList = page(d.adminOfA, get("/volunteers"));
		assertThat(Jsoup.parse(adminList).select("#registry-export-unmasked")).isEmpty();
		String coordinatorList = page(d.coordinator, get("/volunteers").param("unit", d.a.toString()));
		assertThat(Jsoup.parse(coordinatorList).select("#registry-export-unmasked").attr("href"))
			.isEqualTo("/volunteers/export/unmasked?unit=" + d.a);
	}

	@Test
	void anUnmaskedExportNeedsTheConfirmationAndAReasonAndIsAudited() throws Exception {
		RegistryData d = this.data;
		String confirm = page(d.coordinator,
				get("/volunteers/export/unmasked").param("q", d.fixture.tag).param("unit", d.a.toString()));
		var form = Jsoup.parse(confirm).select("#unmasked-form").first();
		assertThat(form.select("input[type=hidden][name=q]").val()).isEqualTo(d.fixture.tag);
		assertThat(form.select("input[type=hidden][name=unit]").val()).isEqualTo(d.a.toString());
		long before = exports();
		// neither an unticked box nor a missing reason exports anything
		String refused = page(d.coordinator,
				post("/volunteers/export/unmasked").param("unit", d.a.toString()).param("reason", " ").with(csrf()));
		assertThat(Jsoup.parse(refused).select("#confirmed-errors")).hasSize(1);
		assertThat(Jsoup.parse(refused).select("#reason-errors")).hasSize(1);
		assertThat(Jsoup.parse(refused).select("input[type=hidden][name=unit]").val()).isEqualTo(d.a.toString());
		assertThat(exports()).isEqualTo(before);

		List<Map<String, String>> rows = sheet(export(d.coordinator,
				post("/volunteers/export/unmasked").param("unit", d.a.toString())
					.param("q", d.fixture.tag)
					.param("sort", "NAME")
					.param("confirmed", "true")
					.param("reason", "上报市志愿服务平台")
					.with(csrf())));
		assertThat(rows).hasSize(4);
		VolunteerDetails a1 = d.details.get(d.a1);
		assertThat(rows.get(0)).containsEntry("证件号码", a1.idNumber()).containsEntry("手机号码", a1.phone());
		assertThat(exports()).isEqualTo(before + 1);
		Map<String, Object> audit = lastExport();
		assertThat(audit.get("action")).isEqualTo("exported-unmasked");
		assertThat((String) audit.get("state")).contains("\"masked\": false")
			.contains("\"rows\": 4")
			.contains("上报市志愿服务平台")
			.doesNotContain(a1.idNumber())
			.doesNotContain(a1.phone());
	}

	@Test
	void cellsThatCouldBeFormulasAreNeutralised() throws Exception {
		RegistryData d = this.data;
		VolunteerId evil = d.register(d.a, "=HYPERLINK(\"http://x\")" + d.fixture.tag,
				java.time.LocalDate.of(1991, 1, 1), Map.of(), Map.of(), null, NewVolunteer.ADMIN, Guardian.none());
		VolunteerId plus = d.register(d.a, "+1" + d.fixture.tag, java.time.LocalDate.of(1991, 1, 2), Map.of(), Map.of(),
				null, NewVolunteer.ADMIN, Guardian.none());
		byte[] file = export(d.coordinator, get("/volunteers/export").param("q", d.fixture.tag).param("sort", "NAME"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> names = new ArrayList<>();
			for (Row row : sheet) {
				for (Cell cell : row) {
					// nothing in the file is a formula
					assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
				}
				if (row.getRowNum() > 0) {
					names.add(row.getCell(1).getStringCellValue());
				}
			}
			assertThat(names).contains("'=HYPERLINK(\"http://x\")" + d.fixture.tag, "'+1" + d.fixture.tag)
				.contains(d.name("a1"));
		}
		assertThat(evil).isNotEqualTo(plus);
	}

	// --- helpers ---

	byte[] export(SignedInAccount viewer, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andReturn();
		return result.getResponse().getContentAsByteArray();
	}

	/** The rows below the header, each by header. */
	static List<Map<String, String>> sheet(byte[] file) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			List<Map<String, String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (Cell cell : row) {
					values.put(header.getCell(cell.getColumnIndex()).getStringCellValue(), cell.getStringCellValue());
				}
				rows.add(values);
			}
			return rows;
		}
	}

	String page(SignedInAccount viewer, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long exports() {
		return this.jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteer-export'")
			.query(Long.class)
			.single();
	}

	Map<String, Object> lastExport() {
		return this.jdbc.sql("""
				select action, after_state::text as state from audit_entry where entity_type = 'volunteer-export'
				order by id desc limit 1""").query().singleRow();
	}

}
