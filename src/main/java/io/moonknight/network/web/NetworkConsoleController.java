package io.moonknight.network.web;

import io.moonknight.network.IpAllocationView;
import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.NasAddressing;
import io.moonknight.network.NasStatus;
import io.moonknight.network.NasVendor;
import io.moonknight.network.VlanMode;
import io.moonknight.network.VlanScopeType;
import io.moonknight.network.internal.IpAllocator;
import io.moonknight.network.internal.IpPoolDraft;
import io.moonknight.network.internal.IpPoolService;
import io.moonknight.network.internal.IpPoolView;
import io.moonknight.network.internal.NasDraft;
import io.moonknight.network.internal.NasService;
import io.moonknight.network.internal.NasView;
import io.moonknight.network.internal.VlanDraft;
import io.moonknight.network.internal.VlanService;
import io.moonknight.network.internal.VlanView;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.FormValues;
import io.moonknight.shared.web.ProblemException;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console screens for IP pools (with utilisation bars and allocations), VLANs and NAS devices. */
@Controller
@RequestMapping("/network")
class NetworkConsoleController {

    private final IpPoolService pools;
    private final IpAllocator allocator;
    private final VlanService vlans;
    private final NasService nas;

    NetworkConsoleController(IpPoolService pools, IpAllocator allocator, VlanService vlans, NasService nas) {
        this.pools = pools;
        this.allocator = allocator;
        this.vlans = vlans;
        this.nas = nas;
    }

    // ---- IP pools

    private final ConsoleForm<IpPoolView> poolForm = ConsoleForm.<IpPoolView>of("network/pool-form", "pool")
            .title(pool -> pool == null ? "New IP pool" : "Edit " + pool.name())
            .options((model, pool) -> model.addAttribute("purposes", FormValues.options(IpPoolPurpose.values())));

    @GetMapping("/pools")
    @PreAuthorize("hasAuthority('network:read')")
    String pools(Model model) {
        var list = pools.list();
        model.addAttribute("pools", list);
        model.addAttribute(
                "alerts", list.stream().filter(p -> p.alert() != null).toList());
        return "network/pools";
    }

    @GetMapping("/pools/{id}")
    @PreAuthorize("hasAuthority('network:read')")
    String pool(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model) {
        IpPoolView pool = pools.get(id);
        var list = ConsoleList.of("/network/pools/" + id, params);
        model.addAttribute("pool", pool);
        model.addAttribute("pageTitle", pool.name());
        model.addAttribute("conflicts", allocator.conflicts(id));
        return list.show(model, allocator.allocations(id, list.q(), list.pageable(50)), "network/pool");
    }

    @GetMapping("/pools/new")
    @PreAuthorize("hasAuthority('network:write')")
    String newPool(Model model) {
        return poolForm.show(FormValues.empty().put("purpose", "DYNAMIC").put("alertThreshold", 90), null, model);
    }

    @PostMapping("/pools/new")
    @PreAuthorize("hasAuthority('network:write')")
    String createPool(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return poolForm.submit(params, null, model, redirect, form -> {
            IpPoolView pool = pools.create(poolDraft(form));
            return new FormValues.Saved("Pool " + pool.name() + " created.", "/network/pools/" + pool.id());
        });
    }

    @GetMapping("/pools/{id}/edit")
    @PreAuthorize("hasAuthority('network:write')")
    String editPool(@PathVariable UUID id, Model model) {
        return poolForm.edit(pools.get(id), model);
    }

    @PostMapping("/pools/{id}/edit")
    @PreAuthorize("hasAuthority('network:write')")
    String updatePool(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return poolForm.submit(params, pools.get(id), model, redirect, form -> {
            pools.update(id, poolDraft(form));
            return new FormValues.Saved("Pool saved.", "/network/pools/" + id);
        });
    }

    @PostMapping("/pools/{id}/delete")
    @PreAuthorize("hasAuthority('network:write')")
    String deletePool(@PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.actAndGo(redirect, "/network/pools/" + id, () -> {
            pools.delete(id);
            return new FormValues.Saved("Pool deleted.", "/network/pools");
        });
    }

    @PostMapping("/pools/{id}/allocations")
    @PreAuthorize("hasAuthority('network:write')")
    String allocate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/network/pools/" + id, () -> {
            IpAllocationView allocation = allocator.allocate(
                    id, address.isBlank() ? null : address.strip(), null, null, note.isBlank() ? null : note.strip());
            return allocation.address() + " allocated.";
        });
    }

    @PostMapping("/pools/{id}/allocations/{allocationId}/release")
    @PreAuthorize("hasAuthority('network:write')")
    String release(@PathVariable UUID id, @PathVariable UUID allocationId, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/network/pools/" + id, () -> {
            var allocation = allocator
                    .allocation(allocationId)
                    .filter(a -> a.poolId().equals(id))
                    .orElseThrow(() -> ProblemException.notFound("Allocation", allocationId));
            if ("Subscription".equals(allocation.holderType())) {
                throw ProblemException.conflict(
                        "allocation-in-use",
                        allocation.address()
                                + " belongs to a subscription; change or terminate it to release the address.");
            }
            allocator.release(id, allocationId);
            return allocation.address() + " released.";
        });
    }

    private static IpPoolDraft poolDraft(FormValues form) {
        IpPoolPurpose purpose = form.choice("purpose", IpPoolPurpose.class);
        Integer length = form.integer("assignmentLength");
        Integer threshold = form.integer("alertThreshold");
        form.check();
        return new IpPoolDraft(
                form.string("name"),
                form.string("prefix"),
                length,
                purpose == null ? IpPoolPurpose.DYNAMIC : purpose,
                form.text("gateway"),
                form.list("dnsServers"),
                form.list("excluded"),
                threshold == null ? 90 : threshold,
                form.text("description"));
    }

    // ---- VLANs

    private final ConsoleForm<VlanView> vlanForm = ConsoleForm.<VlanView>of("network/vlan-form", "vlan")
            .title(vlan -> vlan == null ? "New VLAN" : "Edit VLAN " + vlan.tag())
            .options((model, vlan) -> {
                model.addAttribute("scopes", FormValues.options(VlanScopeType.values()));
                model.addAttribute("modes", FormValues.options(VlanMode.values()));
            });

    @GetMapping("/vlans")
    @PreAuthorize("hasAuthority('network:read')")
    String vlans(@RequestParam MultiValueMap<String, String> params, Model model) {
        var list = ConsoleList.of("/network/vlans", params);
        VlanScopeType scope = list.choice("scope", VlanScopeType.class);
        model.addAttribute("scopes", VlanScopeType.values());
        return list.show(model, vlans.list(scope, list.q(), list.pageable(50)), "network/vlans");
    }

    @GetMapping("/vlans/new")
    @PreAuthorize("hasAuthority('network:write')")
    String newVlan(Model model) {
        return vlanForm.show(FormValues.empty().put("scopeType", "AREA").put("mode", "SHARED"), null, model);
    }

    @PostMapping("/vlans/new")
    @PreAuthorize("hasAuthority('network:write')")
    String createVlan(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return vlanForm.submit(params, null, model, redirect, form -> {
            VlanView vlan = vlans.create(vlanDraft(form));
            return new FormValues.Saved("VLAN " + vlan.tag() + " created.", "/network/vlans");
        });
    }

    @GetMapping("/vlans/{id}/edit")
    @PreAuthorize("hasAuthority('network:write')")
    String editVlan(@PathVariable UUID id, Model model) {
        return vlanForm.edit(vlans.get(id), model);
    }

    @PostMapping("/vlans/{id}/edit")
    @PreAuthorize("hasAuthority('network:write')")
    String updateVlan(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return vlanForm.submit(params, vlans.get(id), model, redirect, form -> {
            vlans.update(id, vlanDraft(form));
            return new FormValues.Saved("VLAN saved.", "/network/vlans");
        });
    }

    @PostMapping("/vlans/{id}/delete")
    @PreAuthorize("hasAuthority('network:write')")
    String deleteVlan(@PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/network/vlans", () -> {
            vlans.delete(id);
            return "VLAN deleted.";
        });
    }

    private static VlanDraft vlanDraft(FormValues form) {
        VlanScopeType scope = form.choice("scopeType", VlanScopeType.class);
        VlanMode mode = form.choice("mode", VlanMode.class);
        Integer sVlan = form.integer("sVlan");
        Integer cVlan = form.integer("cVlan");
        if (cVlan == null && !form.has("cVlan")) {
            form.reject("cVlan", "a VLAN id is 1-4094");
        }
        form.check();
        return new VlanDraft(
                form.string("name"),
                scope == null ? VlanScopeType.AREA : scope,
                form.string("scopeName"),
                sVlan,
                cVlan == null ? 0 : cVlan,
                mode == null ? VlanMode.SHARED : mode,
                form.text("description"));
    }

    // ---- NAS

    private final ConsoleForm<NasView> nasForm = ConsoleForm.<NasView>of("network/nas-form", "device")
            .title(device -> device == null ? "New NAS" : "Edit " + device.name())
            .secrets("secret", "apiPassword")
            .options((model, device) -> {
                model.addAttribute("vendors", FormValues.options(NasVendor.values()));
                model.addAttribute("statuses", FormValues.options(NasStatus.values()));
                model.addAttribute(
                        "addressings",
                        Map.of(
                                "RADIUS",
                                "MoonKnight assigns (Framed-IP-Address)",
                                "NAS_POOL",
                                "The NAS assigns from its pool (Framed-Pool)"));
            });

    @GetMapping("/nas")
    @PreAuthorize("hasAuthority('network:read')")
    String nasList(Model model) {
        model.addAttribute("devices", nas.list());
        return "network/nas";
    }

    @GetMapping("/nas/new")
    @PreAuthorize("hasAuthority('nas:manage')")
    String newNas(Model model) {
        var defaults = FormValues.empty()
                .put("vendor", "MIKROTIK")
                .put("coaPort", 3799)
                .put("supportsCoa", true)
                .put("requireMessageAuthenticator", true)
                .put("addressing", "RADIUS")
                .put("status", "ACTIVE");
        return nasForm.show(defaults, null, model);
    }

    @PostMapping("/nas/new")
    @PreAuthorize("hasAuthority('nas:manage')")
    String createNas(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return nasForm.submit(params, null, model, redirect, form -> {
            NasView device = nas.create(nasDraft(form));
            return new FormValues.Saved(
                    "NAS " + device.name() + " added; its secret is stored encrypted.", "/network/nas");
        });
    }

    @GetMapping("/nas/{id}/edit")
    @PreAuthorize("hasAuthority('nas:manage')")
    String editNas(@PathVariable UUID id, Model model) {
        return nasForm.edit(nas.get(id), model);
    }

    @PostMapping("/nas/{id}/edit")
    @PreAuthorize("hasAuthority('nas:manage')")
    String updateNas(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return nasForm.submit(params, nas.get(id), model, redirect, form -> {
            nas.update(id, nasDraft(form));
            return new FormValues.Saved("NAS saved.", "/network/nas");
        });
    }

    @PostMapping("/nas/{id}/delete")
    @PreAuthorize("hasAuthority('nas:manage')")
    String deleteNas(@PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/network/nas", () -> {
            nas.delete(id);
            return "NAS deleted.";
        });
    }

    private static NasDraft nasDraft(FormValues form) {
        NasVendor vendor = form.choice("vendor", NasVendor.class);
        NasStatus status = form.choice("status", NasStatus.class);
        NasAddressing addressing = form.choice("addressing", NasAddressing.class);
        Integer coaPort = form.integer("coaPort");
        Double latitude = form.number("latitude");
        Double longitude = form.number("longitude");
        Integer apiPort = form.integer("apiPort");
        form.check();
        return new NasDraft(
                form.string("name"),
                vendor == null ? NasVendor.OTHER : vendor,
                form.string("address"),
                form.text("secret"),
                coaPort == null ? 3799 : coaPort,
                form.checked("supportsCoa"),
                form.text("location"),
                latitude,
                longitude,
                apiPort,
                form.checked("apiTls"),
                form.checked("requireMessageAuthenticator"),
                addressing == null ? NasAddressing.RADIUS : addressing,
                form.text("apiUsername"),
                form.text("apiPassword"),
                form.text("description"),
                status == null ? NasStatus.ACTIVE : status);
    }
}
