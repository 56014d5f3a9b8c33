package org.tongxing.activity.authoring;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Covers and attachments: a cover is whatever picture was uploaded, re-encoded as a JPEG
 * no wider than 1200 pixels; what is not a picture is refused by its content whatever its
 * name, and nothing is stored. Files go only to those who may see the activity.
 */
@IntegrationTest
class ActivityFilesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Activities activities;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture fixture;

	UnitId unitA;

	UnitId unitB;

	SignedInAccount adminA;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		VolunteerFixture v = this.fixture.volunteers;
		this.unitA = v.unit(v.root(), "filesA");
		this.unitB = v.unit(v.root(), "filesB");
		this.adminA = v.adminOf(this.unitA);
	}

	@Test
	void aLargePictureBecomesAJpegCoverAtMost1200PixelsWide() throws Exception {
		ActivityId id = this.fixture.draft(this.unitA, "封面");
		byte[] png = png(3000, 1500);
		this.mvc
			.perform(multipart("/activities/" + id + "/cover")
				.file(new MockMultipartFile("file", "海报.png", "image/png", png))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "authoring.notice.cover-set"));
		Long coverId = this.activities.find(id).orElseThrow().coverFileId();
		assertThat(coverId).isNotNull();
		assertThat(this.jdbc.sql("select kind || ' ' || content_type from activity_file where id = ?")
			.param(coverId)
			.query(String.class)
			.single()).isEqualTo("COVER image/jpeg");
		assertThat(audits(coverId, "uploaded")).isEqualTo(1);

		MvcResult served = this.mvc.perform(get("/activities/" + id + "/cover").with(user(this.adminA)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("private")))
			.andExpect(header().exists("ETag"))
			.andReturn();
		byte[] jpeg = served.getResponse().getContentAsByteArray();
		assertThat(jpeg[0]).isEqualTo((byte) 0xFF);
		assertThat(jpeg[1]).isEqualTo((byte) 0xD8);
		BufferedImage cover = ImageIO.read(new ByteArrayInputStream(jpeg));
		assertThat(cover.getWidth()).isEqualTo(1200);
		assertThat(cover.getHeight()).isEqualTo(600);
		// the colours survived the resizing
		Color middle = new Color(cover.getRGB(600, 300));
		assertThat(middle.getRed()).isGreaterThan(200);
		assertThat(middle.getBlue()).isLessThan(60);

		// revalidation with the ETag costs nothing
		this.mvc
			.perform(get("/activities/" + id + "/cover").header("If-None-Match", served.getResponse().getHeader("ETag"))
				.with(user(this.adminA)))
			.andExpect(status().isNotModified());

		// a new cover replaces the old one, whose row goes
		this.mvc
			.perform(multipart("/activities/" + id + "/cover")
				.file(new MockMultipartFile("file", "small.png", "image/png", png(300, 200)))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Long second = this.activities.find(id).orElseThrow().coverFileId();
		assertThat(second).isNotEqualTo(coverId);
		assertThat(files(id)).isEqualTo(1);
		BufferedImage small = ImageIO
			.read(new ByteArrayInputStream(this.mvc.perform(get("/activities/" + id + "/cover").with(user(this.adminA)))
				.andReturn()
				.getResponse()
				.getContentAsByteArray()));
		assertThat(small.getWidth()).isEqualTo(300);
	}

	@Test
	void aTextFileNamedPngIsRefusedAndNothingIsStored() throws Exception {
		ActivityId id = this.fixture.draft(this.unitA, "假图片");
		this.mvc
			.perform(
					multipart("/activities/" + id + "/cover")
						.file(new MockMultipartFile("file", "cover.png", "image/png",
								"这不是图片 <script>".getBytes(StandardCharsets.UTF_8)))
						.with(user(this.adminA))
						.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("coverProblem", "无法识别为图片，请上传 JPEG、PNG、GIF 或 BMP 格式的图片。"));
		// a picture cut off half way is no picture either
		byte[] png = png(400, 300);
		byte[] truncated = java.util.Arrays.copyOf(png, 60);
		this.mvc
			.perform(multipart("/activities/" + id + "/cover")
				.file(new MockMultipartFile("file", "cut.png", "image/png", truncated))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(flash().attribute("coverProblem", "无法识别为图片，请上传 JPEG、PNG、GIF 或 BMP 格式的图片。"));
		this.mvc
			.perform(multipart("/activities/" + id + "/cover")
				.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(flash().attribute("coverProblem", "请选择要上传的文件。"));
		assertThat(this.activities.find(id).orElseThrow().coverFileId()).isNull();
		assertThat(files(id)).isZero();
		this.mvc.perform(get("/activities/" + id + "/cover").with(user(this.adminA))).andExpect(status().isNotFound());
	}

	@Test
	void attachmentsDownloadUnderTheirNameAndAreCheckedByContent() throws Exception {
		ActivityId id = this.fixture.draft(this.unitA, "附件");
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		this.mvc
			.perform(multipart("/activities/" + id + "/files")
				.file(new MockMultipartFile("file", "C:\\Users\\li\\报名须知 \"v2\".pdf", "application/pdf", pdf))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "authoring.notice.attached"));
		long fileId = this.jdbc.sql("select id from activity_file where activity_id = ? and kind = 'ATTACHMENT'")
			.param(id.value())
			.query(Long.class)
			.single();
		MvcResult download = this.mvc.perform(get("/activities/" + id + "/files/" + fileId).with(user(this.adminA)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn();
		String disposition = download.getResponse().getHeader("Content-Disposition");
		assertThat(disposition).startsWith("attachment;")
			.contains("filename*=UTF-8''%E6%8A%A5%E5%90%8D%E9%A1%BB%E7%9F%A5%20_v2_.pdf")
			.doesNotContain("Users")
			.doesNotContain("\n");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(audits(fileId, "uploaded")).isEqualTo(1);

		// a text file with a PDF's name, or an executable, is refused
		this.mvc
			.perform(multipart("/activities/" + id + "/files")
				.file(new MockMultipartFile("file", "notice.pdf", "application/pdf",
						"#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII)))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(flash().attribute("attachmentProblem", "只能上传 PDF、Word（docx）、Excel（xlsx）或图片（JPEG、PNG、GIF）文件。"));
		assertThat(files(id)).isEqualTo(1);

		this.mvc
			.perform(post("/activities/" + id + "/files/" + fileId + "/delete").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("notice", "authoring.notice.attachment-deleted"));
		assertThat(files(id)).isZero();
		assertThat(audits(fileId, "deleted")).isEqualTo(1);
		this.mvc.perform(get("/activities/" + id + "/files/" + fileId).with(user(this.adminA)))
			.andExpect(status().isNotFound());
	}

	@Test
	void filesGoOnlyToThoseWhoMaySeeTheActivity() throws Exception {
		// a published activity for A's subtree, and a draft for the whole association
		ActivityDetails subtree = ActivityFixture.details(this.unitA, "本单位活动");
		ActivityId restricted = this.activities.create(ActivityFixture.SYSTEM,
				new ActivityDetails(subtree.title(), subtree.description(), null, this.unitA, Set.of(), false,
						subtree.address(), null, ActivityFixture.ZONE, Visibility.SUBTREE, this.unitA, null, null, null,
						24),
				null);
		this.fixture.session(restricted, 4, 9, 11);
		this.activities.publish(ActivityFixture.SYSTEM, restricted);
		ActivityId draft = this.fixture.draft(this.unitA, "草稿活动");
		long restrictedFile = attach(restricted);
		long draftFile = attach(draft);

		SignedInAccount ofA = this.fixture.volunteers.principal(this.fixture.volunteer(this.unitA, "甲"));
		SignedInAccount ofB = this.fixture.volunteers.principal(this.fixture.volunteer(this.unitB, "乙"));
		String restrictedPath = "/activities/" + restricted + "/files/" + restrictedFile;
		String draftPath = "/activities/" + draft + "/files/" + draftFile;

		this.mvc.perform(get(restrictedPath).with(user(ofA))).andExpect(status().isOk());
		this.mvc.perform(get(restrictedPath).with(user(ofB))).andExpect(status().isNotFound());
		this.mvc.perform(get(draftPath).with(user(ofA))).andExpect(status().isNotFound());
		this.mvc.perform(get(draftPath).with(user(this.adminA))).andExpect(status().isOk());
		// a file asked for under another activity's id is not found
		this.mvc.perform(get("/activities/" + restricted + "/files/" + draftFile).with(user(ofA)))
			.andExpect(status().isNotFound());
		// volunteers change nothing
		this.mvc
			.perform(post("/activities/" + restricted + "/files/" + restrictedFile + "/delete").with(user(ofA))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(files(restricted)).isEqualTo(1);
	}

	private long attach(ActivityId id) throws Exception {
		this.mvc
			.perform(multipart("/activities/" + id + "/files")
				.file(new MockMultipartFile("file", "map.png", "image/png", png(50, 40)))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "authoring.notice.attached"));
		return this.jdbc.sql("select max(id) from activity_file where activity_id = ?")
			.param(id.value())
			.query(Long.class)
			.single();
	}

	private int files(ActivityId id) {
		return this.jdbc.sql("select count(*) from activity_file where activity_id = ?")
			.param(id.value())
			.query(Integer.class)
			.single();
	}

	private int audits(long fileId, String action) {
		return this.jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'activity-file' and entity_id = ? and action = ?")
			.params(String.valueOf(fileId), action)
			.query(Integer.class)
			.single();
	}

	/** A red picture with a blue band at the top, as a PNG. */
	static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(0, 0, width, Math.max(1, height / 10));
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

}
