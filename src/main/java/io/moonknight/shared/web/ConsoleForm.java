package io.moonknight.shared.web;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One console form, declared once per controller: its template, the name the record being edited has in the
 * template, the page title, the options it needs (select lists), and the fields never sent back (secrets).
 * Handlers then only say what differs:
 *
 * <pre>{@code
 * private final ConsoleForm<VlanView> vlanForm = ConsoleForm.<VlanView>of("network/vlan-form", "vlan")
 *         .title(vlan -> vlan == null ? "New VLAN" : "Edit VLAN " + vlan.tag())
 *         .options((model, vlan) -> model.addAttribute("modes", FormValues.options(VlanMode.values())));
 *
 * @GetMapping("/vlans/new")   String newVlan(Model model) { return vlanForm.show(defaults, null, model); }
 * @PostMapping("/vlans/new")  String create(@RequestParam MultiValueMap<String, String> params, Model model,
 *                                           RedirectAttributes redirect) {
 *     return vlanForm.submit(params, null, model, redirect, form -> {
 *         VlanView vlan = vlans.create(draft(form));          // form.check() inside draft(): parse errors are a 400
 *         return new FormValues.Saved("VLAN " + vlan.tag() + " created.", "/network/vlans");
 *     });
 * }
 * }</pre>
 *
 * A submission that the use case refuses with a {@link ProblemException} shows the form again with the problem's
 * field errors on their inputs (and the rest at the top); one that succeeds redirects with a flash message. Buttons
 * that change something without a form of their own use {@link #act}.
 */
public final class ConsoleForm<T> {

    private final String view;
    private final String subject;
    private Function<@Nullable T, String> title = existing -> "";
    private BiConsumer<Model, @Nullable T> options = (model, existing) -> {};
    private UnaryOperator<String> fieldName = UnaryOperator.identity();
    private List<String> secrets = List.of();

    private ConsoleForm(String view, String subject) {
        this.view = view;
        this.subject = subject;
    }

    /**
     * @param view the template
     * @param subject the model attribute holding the record being edited (null on a new record's form)
     */
    public static <T> ConsoleForm<T> of(String view, String subject) {
        return new ConsoleForm<>(view, subject);
    }

    /** The page title, from the record being edited (null for a new one). */
    public ConsoleForm<T> title(Function<@Nullable T, String> title) {
        this.title = title;
        return this;
    }

    /** Adds what the template needs besides the values: select options, related records. */
    public ConsoleForm<T> options(BiConsumer<Model, @Nullable T> options) {
        this.options = options;
        return this;
    }

    /** Maps a problem's field (e.g. {@code customerId}) to the form's input name (e.g. {@code customer}). */
    public ConsoleForm<T> fieldNames(UnaryOperator<String> fieldName) {
        this.fieldName = fieldName;
        return this;
    }

    /** Fields that are emptied whenever the form is shown again (passwords, secrets). */
    public ConsoleForm<T> secrets(String... names) {
        this.secrets = List.of(names);
        return this;
    }

    /** Shows the form with these values: defaults for a new record, the record's own when editing. */
    public String show(FormValues form, @Nullable T existing, Model model) {
        secrets.forEach(name -> form.put(name, ""));
        model.addAttribute("form", form);
        model.addAttribute(subject, existing);
        options.accept(model, existing);
        model.addAttribute("pageTitle", title.apply(existing));
        return view;
    }

    /** Shows the form for editing {@code existing}, filled from its components ({@link FormValues#from}). */
    public String edit(T existing, Model model) {
        if (!(existing instanceof Record record)) {
            throw new IllegalArgumentException("an edit form is filled from a record");
        }
        return show(FormValues.from(record), existing, model);
    }

    /**
     * Reads the submitted values and hands them to {@code save}, which calls the use case and says where to go; a
     * {@link ProblemException} from it shows the form again with the errors.
     */
    public String submit(
            MultiValueMap<String, String> params,
            @Nullable T existing,
            Model model,
            RedirectAttributes redirect,
            Function<FormValues, FormValues.Saved> save) {
        var form = FormValues.of(params);
        return form.submit(redirect, fieldName, () -> save.apply(form), () -> show(form, existing, model));
    }

    /**
     * A button that changes something and goes back to a page (delete, suspend, cancel): the flash message says what
     * was done, or, when the use case refuses, why not.
     *
     * @param back where to go when the action is refused (and, for a {@code String} result, when it succeeds)
     */
    public static String act(RedirectAttributes redirect, String back, Supplier<String> action) {
        return actAndGo(redirect, back, () -> new FormValues.Saved(action.get(), back));
    }

    /** As {@link #act}, for an action after which the page to show is another one (a deleted record's list). */
    public static String actAndGo(RedirectAttributes redirect, String back, Supplier<FormValues.Saved> action) {
        try {
            FormValues.Saved done = action.get();
            redirect.addFlashAttribute("flash", done.flash());
            return "redirect:" + done.redirectTo();
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.summary());
            return "redirect:" + back;
        }
    }
}
