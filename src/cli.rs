//! The command line: `qalam [PATH...]`, `qalam validate PATH...`, `qalam layout PATH --width PX`.
