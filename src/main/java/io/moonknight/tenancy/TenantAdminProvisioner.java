package io.moonknight.tenancy;

/**
 * Creates a new tenant's first administrator. Implemented by the identity module; tenancy calls it inside
 * the transaction that creates the tenant, with the new tenant bound, so both are written or neither.
 */
public interface TenantAdminProvisioner {

    /** Throws a 400 problem naming the field when the admin cannot be created as given. */
    void validate(FirstAdmin admin);

    void provision(FirstAdmin admin);
}
