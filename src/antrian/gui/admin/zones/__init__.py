"""The admin window's zones page (the agencies of a Mal Pelayanan Publik)."""
