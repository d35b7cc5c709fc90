-- Marks the file as onedoor's (ASCII "ODOR" = 0x4F444F52; identify.rs, APPLICATION_ID): opening
-- refuses, untouched, any SQLite file without this mark or onedoor's first tables.
PRAGMA application_id = 1329876818;
