-- A preview is no longer a billing run (BillingService.preview computes it without a row): the previews recorded
-- before are taken out of the run history.
delete from billing_runs where dry_run;
