-- Waiting states (for a party, an agency, documents) pause the case's clock: the deadline is
-- cleared while waiting (so nothing waiting shows as overdue, and the overdue index needs
-- no change) and the time that was left is kept, to be given back when the case moves on.
ALTER TABLE cases ADD COLUMN waiting TEXT;
ALTER TABLE cases ADD COLUMN waiting_since TEXT;
ALTER TABLE cases ADD COLUMN waiting_left INTEGER;  -- seconds left to the deadline, if any
