package io.moonknight.billing.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A PDF answer: shown in the browser ({@code inline}, the console) or saved as {@code name}.pdf (the API). */
final class PdfDownloads {

    private PdfDownloads() {}

    static ResponseEntity<byte[]> of(String name, byte[] pdf, boolean inline) {
        var disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(name + ".pdf").build().toString())
                .body(pdf);
    }
}
