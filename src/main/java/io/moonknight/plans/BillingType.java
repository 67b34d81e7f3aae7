package io.moonknight.plans;

/**
 * How a plan is sold: a monthly postpaid subscription; prepaid for a number of days; a data pack (quota valid
 * for a number of days); or a hotspot voucher (time and/or data limit).
 */
public enum BillingType {
    MONTHLY_POSTPAID,
    PREPAID,
    DATA_PACK,
    HOTSPOT_VOUCHER
}
