//! Every message of the dashboard's copy, by name: components ask for a
//! [`Key`], so a misspelled one does not compile. The keys are the
//! messages of `locales/en-US/dashboard.ftl`, read by `build.rs`: adding a
//! message to the file adds its key, and nothing else lists them.

/// Declares [`Key`] from `Variant = "message-id"` pairs.
macro_rules! keys {
    ($($key:ident = $id:literal,)+) => {
        /// A message of `dashboard.ftl`.
        #[derive(Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $(
                #[doc = $id]
                $key,
            )+
        }

        impl Key {
            /// Every key, in the file's order.
            #[cfg(test)]
            pub const ALL: &[Key] = &[$(Key::$key,)+];

            /// Its message id in `dashboard.ftl`.
            pub const fn id(self) -> &'static str {
                match self {
                    $(Key::$key => $id,)+
                }
            }
        }
    };
}

// One `Name = "message-id",` per message, written by `build.rs` from
// en-US `dashboard.ftl`.
include!(concat!(env!("OUT_DIR"), "/keys.rs"));
