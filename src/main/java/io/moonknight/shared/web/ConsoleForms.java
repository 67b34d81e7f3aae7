package io.moonknight.shared.web;

import org.springframework.validation.BindingResult;

/** Shows a problem raised by a use case on the console form that caused it. */
public final class ConsoleForms {

    private ConsoleForms() {}

    /**
     * Adds the problem's field errors to the form (a field the form does not have becomes a form-level
     * error); a problem without fields becomes a form-level error.
     */
    public static void reject(BindingResult form, ProblemException problem) {
        var errors = problem.fieldErrors();
        if (errors.isEmpty()) {
            form.reject(problem.type(), problem.detail());
            return;
        }
        for (var error : errors) {
            String field = error.field().contains(".")
                    ? error.field().substring(error.field().lastIndexOf('.') + 1)
                    : error.field();
            if (form.getTarget() != null
                    && org.springframework.beans.BeanUtils.getPropertyDescriptor(
                                    form.getTarget().getClass(), field)
                            != null) {
                form.rejectValue(field, problem.type(), error.message());
            } else {
                form.reject(problem.type(), error.field() + ": " + error.message());
            }
        }
    }
}
