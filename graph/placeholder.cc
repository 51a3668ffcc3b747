#include "extract/extract.h"
