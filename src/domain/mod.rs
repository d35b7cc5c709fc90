//! Types and rules of the mediation centre. Pure: no IO, no SQL, no terminal.
