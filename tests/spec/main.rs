//! Paja's integration tests as one specification: one binary, one file a subject, named
//! by its layer (`store_`, `api_`, `export_`, `sync_`, …) and read like sentences of
//! what the app does. The shared code is in [`support`].
//!
//! `cargo test -p paja --test spec sync_` runs one part; `cargo test -p paja --test spec`
//! the whole.

mod support;

mod api_bad_input;
mod api_commands;
mod api_facilitation;
mod api_files;
mod api_media;
mod api_plan;
mod api_round_trip;
mod api_synthesis;
mod api_trash;
mod api_undo;
mod cli;
mod evaluation_instruments;
mod export_api;
mod export_cli;
mod export_experiments;
mod export_formats;
mod export_pdf;
mod layers;
mod live_versions;
mod model_convergence;
mod paku_process;
mod store_bad_input;
mod store_crash;
mod store_round_trip;
mod sync_admission;
mod sync_anonymity;
mod sync_bad_input;
mod sync_channel;
mod sync_crafted;
mod sync_compaction;
mod sync_convergence;
mod sync_facilitation;
mod sync_hub_only;
mod sync_interop;
mod sync_ledger;
mod sync_limits;
mod sync_live;
mod sync_partition;
mod sync_permissions;
mod sync_plan;
mod sync_reveal;
mod sync_reveal_faults;
mod sync_refused;
mod sync_relay;
mod sync_relay_faults;
mod sync_relay_tokens;
mod sync_sealed_resend;
mod sync_rpc;
mod sync_security;
mod sync_status;
mod sync_trash;
mod synthesis_affinity;
mod synthesis_plain_language;
mod templates_demo;
