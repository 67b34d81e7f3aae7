package io.moonknight.customers.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code moonknight.customers.*}.
 *
 * @param documentMaxSize the largest KYC document accepted
 * @param documentTypes the content types accepted, as detected from the file's bytes
 * @param importMaxRows the most rows one CSV import takes
 */
@ConfigurationProperties("moonknight.customers")
public record CustomersProperties(
        @DefaultValue("10MB") DataSize documentMaxSize,

        @DefaultValue({
            "application/pdf",
            "image/jpeg",
            "image/png",
            "image/webp",
            "image/tiff",
            "image/heic",
            "image/heif"
        })
        List<String> documentTypes,

        @DefaultValue("200000") int importMaxRows) {}
