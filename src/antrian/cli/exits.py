"""The exit codes of the ``antrian`` command.

0 done; 2 bad input or an illegal action (message on stderr); 3 nothing to do; 1 anything else; 141 the
reader of the output went away (``antrian tickets | head``). A refusal's code is its error's
(``AntrianError.exit_code``); these are the ones the command gives itself.
"""

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_NOTHING = 0, 1, 2, 3
EXIT_PIPE = 141  # what a shell reports for a program ended by SIGPIPE, as `seq 100000 | head -1` does
