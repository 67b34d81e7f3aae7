-- A dunning step's message: the text the customer is sent at that step ({customer}, {invoice}, {amount}, {dueOn}
-- filled in by whoever sends it); null sends the default text of the step's action.
alter table dunning_steps add column message text check (length(message) <= 500);
