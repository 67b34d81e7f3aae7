package io.moonknight.network.internal;

import io.moonknight.network.VlanMode;
import io.moonknight.network.VlanScopeType;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A VLAN as staff enter it. */
public record VlanDraft(
        String name,
        VlanScopeType scopeType,
        String scopeName,
        @Nullable Integer sVlan,
        int cVlan,
        VlanMode mode,
        @Nullable String description) {

    VlanDraft check() {
        List<FieldError> errors = new ArrayList<>();
        if (name.isBlank() || name.strip().length() > 80) {
            errors.add(new FieldError("name", "give a name of 1-80 characters"));
        }
        if (scopeName.isBlank() || scopeName.strip().length() > 80) {
            errors.add(new FieldError("scopeName", "name the area, OLT or switch (1-80 characters)"));
        }
        if (cVlan < 1 || cVlan > 4094) {
            errors.add(new FieldError("cVlan", "a VLAN id is 1-4094"));
        }
        if (sVlan != null && (sVlan < 1 || sVlan > 4094)) {
            errors.add(new FieldError("sVlan", "an S-VLAN id is 1-4094"));
        }
        if (description != null && description.length() > 1000) {
            errors.add(new FieldError("description", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new VlanDraft(
                name.strip(),
                scopeType,
                scopeName.strip(),
                sVlan,
                cVlan,
                mode,
                description == null || description.isBlank() ? null : description.strip());
    }
}
