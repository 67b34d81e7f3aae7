package io.moonknight.customers.internal;

import io.moonknight.shared.web.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The kinds of identity document a tenant collects; every tenant starts with a sensible list. */
@Service
public class DocumentTypeService {

    static final List<String[]> DEFAULTS = List.of(
            new String[] {"national-id", "National ID card"},
            new String[] {"passport", "Passport"},
            new String[] {"driving-licence", "Driving licence"},
            new String[] {"utility-bill", "Utility bill (proof of address)"},
            new String[] {"trade-licence", "Trade licence"},
            new String[] {"contract", "Signed service contract"},
            new String[] {"photo", "Customer photo"});
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final DocumentTypeRepository types;
    private final Clock clock;

    DocumentTypeService(DocumentTypeRepository types, Clock clock) {
        this.types = types;
        this.clock = clock;
    }

    @Transactional
    public List<DocumentTypeView> list() {
        var existing = types.findAllByOrderByPositionAscNameAsc();
        if (existing.isEmpty()) {
            for (int i = 0; i < DEFAULTS.size(); i++) {
                types.save(new DocumentType(DEFAULTS.get(i)[0], DEFAULTS.get(i)[1], i, clock.instant()));
            }
            existing = types.findAllByOrderByPositionAscNameAsc();
        }
        return existing.stream().map(DocumentType::view).toList();
    }

    @Transactional
    public DocumentTypeView create(String code, String name) {
        list();
        String normalised = code.strip().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(normalised).matches()) {
            throw ProblemException.invalidField(
                    "code", "must be 2-40 lowercase letters, digits or '-', starting with a letter");
        }
        if (types.findByCode(normalised).isPresent()) {
            throw ProblemException.conflict(
                            "document-type-exists", "The document type '" + normalised + "' already exists")
                    .with("field", "code");
        }
        return types.save(new DocumentType(normalised, name(name), (int) types.count(), clock.instant()))
                .view();
    }

    @Transactional
    public DocumentTypeView update(UUID id, String name, boolean active) {
        DocumentType type = types.findById(id).orElseThrow(() -> ProblemException.notFound("Document type", id));
        type.rename(name(name), active, clock.instant());
        return types.save(type).view();
    }

    /** The active type with this code, or a 400 naming the field. */
    @Transactional
    public DocumentTypeView requireActive(String code) {
        return list().stream()
                .filter(type -> type.code().equals(code) && type.active())
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.invalidField("type", "unknown or retired document type '" + code + "'"));
    }

    private static String name(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw ProblemException.invalidField("name", "must be 1-80 characters");
        }
        return trimmed;
    }
}
