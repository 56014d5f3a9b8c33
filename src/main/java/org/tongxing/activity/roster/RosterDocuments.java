package org.tongxing.activity.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AuditLog;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.roster.RosterPage.PositionRoster;
import org.tongxing.organisation.UnitScope;
import org.tongxing.shared.pdf.CjkFonts;
import org.tongxing.shared.spreadsheet.SafeCells;

/**
 * The roster as documents: an xlsx export (one sheet per position, masked phones, every
 * text cell through {@link SafeCells}) and a printable A4 sign-in sheet of the confirmed
 * volunteers (Chinese font from {@link CjkFonts}). Both are audited.
 */
@Service
class RosterDocuments {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int SHEET_NAME_MAX = 31;

	private final Rosters rosters;

	private final MessageSource messages;

	private final CjkFonts fonts;

	private final AuditLog auditLog;

	RosterDocuments(Rosters rosters, MessageSource messages, CjkFonts fonts, AuditLog auditLog) {
		this.rosters = rosters;
		this.messages = messages;
		this.fonts = fonts;
		this.auditLog = auditLog;
	}

	/** A document and the page it was made from (for its file name). */
	record Made(RosterPage page, byte[] bytes) {
	}

	@Transactional
	Made spreadsheet(UnitScope scope, SessionId id, Locale locale) {
		RosterPage page = this.rosters.page(scope, id);
		SessionView session = page.session();
		int rows = 0;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			XSSFFont font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Set<String> sheetNames = new HashSet<>();
			for (PositionRoster position : page.positions()) {
				Sheet sheet = workbook.createSheet(sheetName(position.position().name(), sheetNames));
				Row header = sheet.createRow(0);
				List<String> columns = List.of("roster.column.number", "roster.column.name", "roster.column.status",
						"roster.column.phone", "roster.column.email", "roster.column.signedUpAt");
				for (int c = 0; c < columns.size(); c++) {
					SafeCells.write(header, c, message(columns.get(c), locale)).setCellStyle(bold);
				}
				int r = 1;
				for (RosterEntry entry : position.all()) {
					Row row = sheet.createRow(r++);
					SafeCells.write(row, 0, entry.number());
					SafeCells.write(row, 1, entry.name());
					SafeCells.write(row, 2, message("activity.signup.status." + entry.status().name(), locale));
					SafeCells.write(row, 3, entry.phoneMasked());
					SafeCells.write(row, 4, entry.email());
					SafeCells.write(row, 5, TIME.format(entry.signedUpAt().atZone(session.zone())));
				}
				rows += r - 1;
				for (int c = 0; c < columns.size(); c++) {
					sheet.setColumnWidth(c, 20 * 256);
				}
			}
			if (page.positions().isEmpty()) {
				workbook.createSheet(sheetName(message("roster.title", locale), sheetNames));
			}
			workbook.write(out);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("format", "xlsx");
			after.put("rows", rows);
			this.auditLog.record("session", session.id(), "roster-exported", null, after);
			return new Made(page, out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A sheet name Excel accepts: at most 31 characters, none of {@code []:*?/\}, not
	 * starting or ending with an apostrophe, and unique in the workbook.
	 */
	static String sheetName(String wanted, Set<String> taken) {
		String base = WorkbookUtil.createSafeSheetName((wanted == null || wanted.isBlank()) ? "-" : wanted.strip(),
				'_');
		String name = base;
		for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			name = base.substring(0, Math.min(base.length(), SHEET_NAME_MAX - suffix.length())) + suffix;
		}
		taken.add(name.toLowerCase(Locale.ROOT));
		return name;
	}

	@Transactional
	Made signInSheet(UnitScope scope, SessionId id, Locale locale) {
		RosterPage page = this.rosters.page(scope, id);
		SessionView session = page.session();
		BaseFont base = this.fonts.pdfFont();
		Font titleFont = new Font(base, 16, Font.BOLD);
		Font textFont = new Font(base, 10);
		Font headerFont = new Font(base, 10, Font.BOLD);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 36, 36, 40, 48);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PageNumbers(base, message("roster.pdf.page", locale)));
		document.open();
		document.addTitle(page.activity().title());
		Paragraph title = new Paragraph(page.activity().title(), titleFont);
		title.setAlignment(Element.ALIGN_CENTER);
		document.add(title);
		Paragraph subtitle = new Paragraph(message("roster.pdf.heading", locale), textFont);
		subtitle.setAlignment(Element.ALIGN_CENTER);
		document.add(subtitle);
		String when = TIME.format(session.localStart()) + " – " + TIME.format(session.localEnd()) + " ("
				+ session.zone().getId() + ")";
		document.add(new Paragraph(message("roster.session.time", locale) + ": " + when, textFont));
		String place = session.online() ? session.onlineUrl() : session.address();
		document.add(new Paragraph(message("roster.session.place", locale) + ": " + ((place != null) ? place : ""),
				textFont));
		int printed = 0;
		for (PositionRoster position : page.positions()) {
			Paragraph heading = new Paragraph(position.position().name() + " ("
					+ message("roster.pdf.confirmed", locale, position.confirmed().size()) + ")", headerFont);
			heading.setSpacingBefore(12);
			heading.setSpacingAfter(6);
			document.add(heading);
			PdfPTable table = new PdfPTable(new float[] { 1.2f, 4, 4, 4, 4, 4 });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String key : List.of("roster.column.index", "roster.column.name", "roster.column.number",
					"roster.column.phone", "roster.pdf.signIn", "roster.pdf.signOut")) {
				PdfPCell cell = new PdfPCell(new Phrase(message(key, locale), headerFont));
				cell.setGrayFill(0.9f);
				cell.setPadding(4);
				table.addCell(cell);
			}
			int n = 1;
			for (RosterEntry entry : position.confirmed()) {
				for (String value : new String[] { String.valueOf(n++), entry.name(), entry.number(),
						entry.phoneMasked(), "", "" }) {
					PdfPCell cell = new PdfPCell(new Phrase((value != null) ? value : "", textFont));
					// room for a handwritten signature
					cell.setMinimumHeight(24);
					cell.setPadding(4);
					cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
					table.addCell(cell);
				}
				printed++;
			}
			document.add(table);
		}
		document.close();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("format", "pdf");
		after.put("rows", printed);
		this.auditLog.record("session", session.id(), "sign-in-sheet-printed", null, after);
		return new Made(page, out.toByteArray());
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	/** "Page n" at the foot of every page. */
	static final class PageNumbers extends PdfPageEventHelper {

		private final BaseFont font;

		private final String pattern;

		PageNumbers(BaseFont font, String pattern) {
			this.font = font;
			this.pattern = pattern;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			String text = java.text.MessageFormat.format(this.pattern, writer.getPageNumber());
			ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
					new Phrase(text, new Font(this.font, 9)), (document.left() + document.right()) / 2,
					document.bottom() - 24, 0);
		}

	}

}
