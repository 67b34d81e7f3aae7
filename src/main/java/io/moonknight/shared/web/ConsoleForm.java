package io.moonknight.shared.web;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 *
 * <p>A page with several forms (a user's contact details, roles and password) declares one {@code ConsoleForm} per
 * form, each {@link #named} after the model attribute its template reads; their shared {@code options} fill the
 * forms not being shown again from the record, when the model does not hold them yet:
 *
 * <pre>{@code
 * private final ConsoleForm<UserView> profileForm = detail("profile");
 * private final ConsoleForm<UserView> passwordForm = detail("passwordForm").secrets("password");
 *
 * private ConsoleForm<UserView> detail(String name) {
 *     return ConsoleForm.<UserView>of("identity/user", "user").named(name).options(this::otherForms);
 * }
 *
 * private void otherForms(Model model, @Nullable UserView user) {
 *     if (!model.containsAttribute("profile")) { model.addAttribute("profile", profileValues(user)); }
 *     if (!model.containsAttribute("passwordForm")) { model.addAttribute("passwordForm", FormValues.empty()); }
 * }
 * }</pre>
 */
public final class ConsoleForm<T> {

    private final String view;
    private final String subject;
    private String name = "form";
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

    /** The model attribute the template reads the values from ({@code form} unless named otherwise). */
    public ConsoleForm<T> named(String name) {
        this.name = name;
        return this;
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
        secrets.forEach(secret -> form.put(secret, ""));
        model.addAttribute(name, form);
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
     * As {@link #submit}, for a form whose result is shown once on the page itself instead of after a redirect (a new
     * API key's secret, which must not travel through the session as a flash message): {@code save} puts the result on
     * the model and the form is shown again empty; a {@link ProblemException} shows it again with the errors.
     */
    public String submitInPlace(
            MultiValueMap<String, String> params, @Nullable T existing, Model model, Consumer<FormValues> save) {
        var form = FormValues.of(params);
        try {
            save.accept(form);
            return show(FormValues.empty(), existing, model);
        } catch (ProblemException problem) {
            form.reject(problem, fieldName);
            return show(form, existing, model);
        }
    }

    /**
     * A button that changes something and goes back to a page (delete, suspend, cancel): the flash message says what
     * was done, or, when the use case refuses, why not. A 404 is not a refusal: the record in the address does not
     * exist (or is another tenant's), so it propagates and the console answers with its 404 page.
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
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", problem.summary());
            return "redirect:" + back;
        }
    }
}
