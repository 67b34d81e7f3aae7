package io.moonknight.billing.internal;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Renders the billing documents' XHTML (invoice, receipt, statement) to PDF with fonts of our own, so every
 * document looks the same on every machine and opens anywhere.
 *
 * <p>The fonts are Noto Sans, Noto Sans Bengali and Noto Sans Arabic (SIL Open Font License, bundled under
 * {@code fonts/noto/} with the licence), each subset-embedded: only the glyphs used go into the file. The
 * templates name them in this order in {@code font-family} ({@code 'Noto Sans', 'Noto Sans Bengali',
 * 'Noto Sans Arabic'}); the renderer splits text into runs and gives each run
 * the first font that has its characters (the fallback chain), so a Bengali name inside a Latin line is drawn in
 * Noto Sans Bengali. PDFBox 3 applies the Bengali font's GSUB substitutions (conjuncts, vowel signs) when it
 * writes the run; right-to-left runs are split and reordered by ICU's bidi algorithm and Arabic letters take their
 * joined forms through ICU's Arabic shaping ({@code openhtmltopdf-rtl-support}).
 */
@Component
class DocumentRenderer {

    /** A font file held in memory (about 2 MB for all six), parsed afresh for each document. */
    private static final class Face {
        final String family;
        final int weight;
        private final byte[] bytes;

        Face(String family, int weight, byte[] bytes) {
            this.family = family;
            this.weight = weight;
            this.bytes = bytes;
        }

        InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    private final List<Face> faces;

    DocumentRenderer() {
        this.faces = List.of(
                face("Noto Sans", 400, "NotoSans-Regular.ttf"),
                face("Noto Sans", 700, "NotoSans-Bold.ttf"),
                face("Noto Sans Bengali", 400, "NotoSansBengali-Regular.ttf"),
                face("Noto Sans Bengali", 700, "NotoSansBengali-Bold.ttf"),
                face("Noto Sans Arabic", 400, "NotoSansArabic-Regular.ttf"),
                face("Noto Sans Arabic", 700, "NotoSansArabic-Bold.ttf"));
    }

    private static Face face(String family, int weight, String file) {
        try (InputStream in = DocumentRenderer.class.getResourceAsStream("/fonts/noto/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font fonts/noto/" + file + " is missing from the class path");
            }
            return new Face(family, weight, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF of an XHTML document; {@code name} only appears in an error. */
    byte[] pdf(String xhtml, String name) {
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            for (Face face : faces) {
                builder.useFont(
                        face::open,
                        face.family,
                        face.weight,
                        FontStyle.NORMAL,
                        true,
                        EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
            }
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(TextDirection.LTR);
            // Tagged, accessible PDF (PDF/UA). It also leaves out the PDF base-14 fonts, which are never embedded
            // and which PDFBox would otherwise look for among the system fonts, warning for each it lacks.
            builder.usePdfUaAccessibility(true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be rendered", e);
        }
    }
}
