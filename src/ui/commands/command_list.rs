//! `command_list!`: defines the user-command enum and its full list (`ALL`) in one place, so a new
//! variant cannot be left out of the menus, the shortcut check or the F1 overlay.
//!
//! A unit variant is listed once. A variant carrying a value must name the values to list it
//! with (`SetStatus(DocStatus) in DocStatus::ALL`): the macro does not accept one without them.

/// Defines `enum $name` with the given variants and `$name::ALL`, every variant in declaration
/// order, a variant with a value once per listed value; also `$name::VARIANT_COUNT`.
macro_rules! command_list {
    (
        $(#[$enum_meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$meta:meta])*
                $variant:ident $( ( $ty:ty ) in $values:expr )?
            ),* $(,)?
        }
    ) => {
        $(#[$enum_meta])*
        pub enum $name {
            $( $(#[$meta])* $variant $( ($ty) )? ),*
        }

        impl $name {
            /// How many variants the enum has (each appears at least once in `ALL`).
            pub const VARIANT_COUNT: usize = 0 $( + command_list!(@one $variant) )*;

            /// Every command in menu order; a command with a value once per listed value.
            pub const ALL: [$name; 0 $( + command_list!(@len $( $values )?) )*] = {
                const LEN: usize = 0 $( + command_list!(@len $( $values )?) )*;
                let mut listed: [Option<$name>; LEN] = [None; LEN];
                let mut next = 0;
                $( command_list!(@push listed next $name::$variant $(, $values )?); )*
                assert!(next == LEN, "the command list length is off");
                let mut all = [match listed[0] {
                    Some(command) => command,
                    None => panic!("the command list is empty"),
                }; LEN];
                let mut index = 0;
                while index < LEN {
                    all[index] = match listed[index] {
                        Some(command) => command,
                        None => panic!("a command slot was left empty"),
                    };
                    index += 1;
                }
                all
            };
        }
    };
    (@one $variant:ident) => { 1 };
    (@len) => { 1 };
    (@len $values:expr) => { $values.len() };
    (@push $listed:ident $next:ident $command:path) => {
        $listed[$next] = Some($command);
        $next += 1;
    };
    (@push $listed:ident $next:ident $command:path, $values:expr) => {
        let values = $values;
        let mut value = 0;
        while value < values.len() {
            $listed[$next] = Some($command(values[value]));
            $next += 1;
            value += 1;
        }
    };
}

pub(super) use command_list;
